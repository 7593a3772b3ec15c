/** `mognad export --help`: kept apart from the command so that printing it loads nothing else. */
export const exportHelp = `Usage: mognad export responses --wave <slug> --format csv|xlsx|spss --out <path> [--separator ,]
       mognad export codebook --wave <slug> --format csv|xlsx|json --out <file> [--separator ,]
       mognad export questionnaire <code> [--version <n>] [--out <file>]
  responses       every response of a wave (complete and partial), one column per question code:
                  csv   UTF-8 with BOM, ; between cells (--separator , for comma)
                  xlsx  sheets "values" (codes), "labels" (option labels) and "codebook"
                  spss  data file, .sps syntax and codebook: into the folder --out, or one ZIP
                        when --out ends in .zip
  codebook        what each column of the response export holds
  questionnaire   a published definition (newest version unless --version) as the JSON file that
                  "mognad questionnaire import" accepts; printed unless --out is given`;
