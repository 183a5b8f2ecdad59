import { defineKind } from './define.js';
import { classifyParts, isPartList, type PartDefinition, whereMissing } from './shared/parts.js';

interface Options {
  sections: PartDefinition[];
}

/**
 * Each part the regulation requires must be present: met by a heading (any level) matching one of the part's
 * aliases, by an enumeration lead where the part allows it, or, for topical parts, by level-1 sections.
 */
export default defineKind<Options>({
  name: 'required-sections',
  description: '报告必须包含的组成部分（按标题、列举项识别）',
  options: {
    sections: {
      type: 'object',
      required: true,
      description: '各部分的定义：id、name、headings（正则）、exclude、topical、enumeration',
    },
  },
  scope: 'document',
  messages: {
    default: '缺少“{name}”部分：{content}。请在此处补写，以“{suggest}”为题',
  },
  validate(o) {
    return isPartList(o.sections)
      ? []
      : [{ option: 'sections', message: '“sections” 应为列表，每项含 id、name 和 headings（字符串列表）' }];
  },
  check(model, o) {
    const parts = classifyParts(model, o.sections);
    const reports = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (!part || part.sections.length > 0 || part.leads.length > 0) continue;
      const where = whereMissing(model, parts, i);
      const d = part.definition;
      reports.push({
        ...where,
        data: { section: d.id, name: d.name, content: d.content ?? d.name, suggest: d.suggest ?? d.name },
      });
    }
    return reports;
  },
});
