import type { Command } from 'commander';
import { documentsFor, type DocumentId, type DocumentsChecklist, type IndustryId } from '../documents/documents-for.js';
import type { Language } from '../scoring/explain.js';
import type { CliIo } from './index.js';
import { collect } from './pools.js';
import { countFlag, langFlag } from './sale-flags.js';

interface DocumentsFlags {
  company: string;
  creditCode: string;
  idNumber?: string;
  held: string;
  applying?: string;
  landing?: string[];
  industry?: string;
  provided?: string[];
  lang: string;
  json?: boolean;
}

export function registerDocuments(program: Command, io: CliIo): void {
  program
    .command('documents')
    .description('the documents an application needs, each with why, and which are still missing')
    .requiredOption('--company <name>', 'the name on the business licence')
    .requiredOption('--credit-code <code>', 'the 统一社会信用代码 on the business licence (18 characters)')
    .option('--id-number <id>', "the handler's resident ID number, checked and shown only masked; - reads it from stdin (keeps it out of the shell's history)")
    .option('--held <n>', '400 numbers the company already has', '0')
    .option('--applying <n>', '400 numbers in this application', '1')
    .option('--landing <numbers>', 'landing numbers, repeatable or comma-separated', collect)
    .option('--industry <id>', 'education, medical or finance, when the business needs a licence')
    .option('--provided <ids>', 'documents handed in: business-licence, handler-id, multi-number-purpose, landing-real-name, industry-licence', collect)
    .option('--lang <lang>', 'language: zh or en', 'zh')
    .option('--json', 'print the checklist as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ vanity400 documents --company 深圳顺发物流有限公司 --credit-code 91440300000000070M --landing 0755-88881234
  $ vanity400 documents --company 顺发物流 --credit-code 91440300000000070M --held 1 --landing 0755-88881234 --id-number - --provided business-licence --json < id.txt`,
    )
    .action(async (flags: DocumentsFlags) => {
      const lang = langFlag(flags.lang);
      const result = documentsFor({
        company: { name: flags.company, creditCode: flags.creditCode },
        ...(flags.idNumber === undefined ? {} : { handler: { idNumber: flags.idNumber } }),
        numbersHeld: countFlag('--held', flags.held, 0, 10_000),
        numbersApplying: countFlag('--applying', flags.applying ?? '1', 1, 10_000),
        landingNumbers: flags.landing ?? [],
        ...(flags.industry === undefined ? {} : { industry: flags.industry as IndustryId }),
        provided: (flags.provided ?? []) as DocumentId[],
      });
      io.out(flags.json ? `${JSON.stringify(result, null, 2)}\n` : checklistText(result, lang));
    });
}

function checklistText(list: DocumentsChecklist, lang: Language): string {
  const zh = lang === 'zh';
  const lines = [zh ? `${list.company.name}（${list.company.creditCode}）要准备的资料：` : `What ${list.company.name} (${list.company.creditCode}) must hand in:`];
  for (const d of list.documents) {
    const mark = d.provided ? '✓' : '✗';
    lines.push(`${mark} ${zh ? d.zh : d.en}${zh ? '：' : ': '}${zh ? d.why.zh : d.why.en}${d.detail ? (zh ? `（${d.detail.zh}）` : ` (${d.detail.en})`) : ''}`);
  }
  lines.push(
    list.complete
      ? zh ? '资料已齐全。' : 'Everything is in.'
      : zh ? `还缺 ${list.missing.length} 项：${list.missing.map((d) => d.zh).join('、')}。` : `Still missing (${list.missing.length}): ${list.missing.map((d) => d.en).join('; ')}.`,
  );
  return `${lines.join('\n')}\n`;
}
