#!/usr/bin/env bash
# Scores the engine on the development set and every blind set (or the sets given), one summary each:
#   eval/run.sh                      # eval/questions.yaml and eval/blind/*.yaml
#   eval/run.sh eval/blind/blind-d7.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
  sets=(eval/questions.yaml eval/blind/*.yaml)
fi
mkdir -p target/eval
for s in "${sets[@]}"; do
  out="target/eval/$(basename "$s" .yaml).txt"
  java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.nl2q.hub.semantic.eval.EvalCommand \
    --questions "$s" --compare values > "$out" 2>&1 || true
  echo "== $s (misses in $out)"
  grep -E "^(execution accuracy|answered but wrong|refusal recall)" "$out" || tail -3 "$out"
done
