/** `mognad results --help`: kept apart from the command so that printing it loads nothing else. */
export const resultsHelp = `Usage: mognad results --wave <slug> [--by organisation|department|role] [--include-partial]
                      [--organisation <code>] [--role-group <code>] [--compare <earlier slug>]
                      [--maturity] [--format json|csv|csv-en] [--lang sv|en]
Prints a wave's results (JSON by default; CSV: one row per question and option, and per group).
  --format csv       CSV for Swedish Excel and LibreOffice Calc: ; between cells, decimal comma (47,1),
                     UTF-8 with a byte order mark
  --format csv-en    plain CSV: , between cells, decimal point (47.1), no byte order mark
  --by               break down by municipality, by each respondent's own unit, or by role group;
                     groups with fewer than the wave's k respondents show no figures
  --include-partial  count responses that were started but not submitted
  --organisation     count only this unit (official code) and the units below it
  --compare          what changed since an earlier wave of the same questionnaire, in percentage points
                     with 95 % intervals (instead of the results)
  --maturity         add the maturity index of the same responses (JSON: "maturity"; CSV: the region
                     and each municipality instead of the results)`;
