#!/usr/bin/env bash
# The one translation command: extract every marked string (templates, code and the
# rule files), merge it into each language's catalogue, and compile the catalogues.
# Translators then edit translations/<lang>/LC_MESSAGES/messages.po and run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
LANGUAGES=(be ru pl lt uk)
.venv/bin/pybabel extract -F babel.cfg -k N_ -k _l --no-location --sort-output \
  --project exile-navigator -o translations/messages.pot . >/dev/null
for lang in "${LANGUAGES[@]}"; do
  if [ -f "translations/$lang/LC_MESSAGES/messages.po" ]; then
    .venv/bin/pybabel update -i translations/messages.pot -d translations -l "$lang" \
      --no-wrap --ignore-obsolete >/dev/null
  else
    .venv/bin/pybabel init -i translations/messages.pot -d translations -l "$lang" --no-wrap >/dev/null
  fi
done
.venv/bin/pybabel compile -d translations --statistics
