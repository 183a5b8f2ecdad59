import { relativePath } from './paths.js';
import { oneShot, type WriterFactory } from './types.js';
import { XML_DECLARATION, xmlAttr } from './xml.js';

/**
 * Checkstyle XML (the format of Checkstyle 4.3, read by Jenkins warnings-ng, reviewdog, SonarQube and Danger):
 * one `<file>` per linted file, clean files included as empty elements so consumers see they were checked.
 * `source` carries the rule id; severity keeps our three levels, which are Checkstyle's own names.
 */
export const checkstyleWriter: WriterFactory = (context) => ({
  head: () => `${XML_DECLARATION}\n<checkstyle version="4.3">\n`,
  report(result) {
    const name = xmlAttr(relativePath(context.cwd, result.filePath));
    if (result.messages.length === 0) return `  <file name="${name}"/>\n`;
    let out = `  <file name="${name}">\n`;
    for (const m of result.messages) {
      out += `    <error line="${m.line}" column="${m.column}" severity="${m.severity}" message="${xmlAttr(m.message)}" source="${xmlAttr(m.ruleId)}"/>\n`;
    }
    return `${out}  </file>\n`;
  },
  tail: () => '</checkstyle>\n',
});

export const checkstyle = oneShot(checkstyleWriter);
