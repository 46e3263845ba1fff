#!/bin/sh
# npm test: the lint, the type check and the tests, with arguments for vitest ("npm test -- tests/nlu").
# The type check (some 40 s of a core) runs beside the training a fresh clone needs before its first
# test (scripts/model-cache.ts, two to three minutes of the other core); kept models make that instant.
set -e
biome check .
tsc --noEmit &
typecheck=$!
node --import tsx scripts/model-cache.ts
wait "$typecheck"
vitest run "$@"
