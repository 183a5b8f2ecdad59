import { relativePath } from './paths.js';
import type { Formatter } from './types.js';
import { XML_DECLARATION, xmlAttr } from './xml.js';

/**
 * Checkstyle XML (the format of Checkstyle 4.3, read by Jenkins warnings-ng, reviewdog, SonarQube and Danger):
 * one `<file>` per linted file, clean files included as empty elements so consumers see they were checked.
 * `source` carries the rule id; severity keeps our three levels, which are Checkstyle's own names.
 */
export const checkstyle: Formatter = (results, context) => {
  const out: string[] = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const result of results) {
    const name = xmlAttr(relativePath(context.cwd, result.filePath));
    if (result.messages.length === 0) {
      out.push(`  <file name="${name}"/>`);
      continue;
    }
    out.push(`  <file name="${name}">`);
    for (const m of result.messages) {
      out.push(
        `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlAttr(m.message)}" source="${xmlAttr(m.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
