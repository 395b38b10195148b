#!/usr/bin/env bash
# Lints every bpmn/*.bpmn of the project with bpmnlint and the rules of ../../.bpmnlintrc
# (bpmnlint:recommended + Camunda 7.24 compatibility), the same file Camunda Modeler reads.
# Fails (exit 1) on any error OR warning: each file must report nothing.
# bpmnlint reads BPMN only; the DMN files (bpmn/*.dmn) are not linted by it.
#
# Usage: tools/bpmnlint/lint.sh [file.bpmn ...]   (default: every bpmn/*.bpmn)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -d "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  shopt -s nullglob
  files=("$root"/bpmn/*.bpmn)
fi
if [ "${#files[@]}" -eq 0 ]; then
  echo "lint.sh: no .bpmn file found" >&2
  exit 1
fi

# bpmnlint resolves the plugin from the working directory's node_modules, hence the cd.
# --max-warnings=0: bpmnlint exits 0 on warnings by default.
cd "$here"
status=0
output="$(./node_modules/.bin/bpmnlint --config "$root/.bpmnlintrc" --max-warnings=0 "${files[@]}" 2>&1)" || status=$?
printf '%s\n' "$output"
# Belt and braces: any reported problem fails, whatever the exit code.
if [ "$status" -ne 0 ] || grep -q 'problem' <<<"$output"; then
  echo "lint.sh: FAILED" >&2
  exit 1
fi
for f in "${files[@]}"; do echo "ok  ${f#"$root"/}"; done
