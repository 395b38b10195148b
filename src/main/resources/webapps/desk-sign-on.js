/*
 * Tasklist, Cockpit and Admin sign in on the staff desk's login page, not on their own: whenever an app would show
 * its login view (first visit after the session ended, or after 退出), the browser goes to /login instead, and back
 * to this app afterwards. Camunda's welcome page gives way to the desk's home (工作台).
 * Loaded by every app through its config.js (customScripts).
 */
function toDesk() {
  if (window.location.pathname.indexOf('/camunda/app/welcome/') === 0) {
    window.location.replace('/');
    return;
  }
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login');
  }
}

toDesk();
window.addEventListener('hashchange', toDesk);
