import { ruleTester } from '../helpers/rule-tester.js';

/** Fixed enumerations, official names of bodies and meetings, plenum lists: the standard wording of issue #16. */
const R2023 = '某镇2023年法治政府建设情况报告\n';
const GANGYAO_2021 = '《法治政府建设实施纲要（2021—2025年）》';
const SEVEN = '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意';
const SIX = '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信';
const SIXTEEN = '科学立法、严格执法、公正司法、全民守法';

ruleTester('formulation', {
  valid: [
    { name: 'the 2021—2025 纲要’s seven, in a 2023 report', text: `${R2023}加快建设${SEVEN}的法治政府。` },
    {
      name: 'the 2015—2020 纲要’s six, in a 2019 report',
      text: `某镇2019年法治政府建设情况报告\n加快建设${SIX}的法治政府。`,
    },
    { name: 'either version when the year is unknown', text: `加快建设${SIX}的法治政府。` },
    {
      name: 'members left out at the ends are a choice; the list again after a comma',
      text: `推进${SIXTEEN}，形成严格执法、公正司法、全民守法的氛围，坚持严格执法、公正司法。`,
    },
    { name: 'ordinary lists that share two words', text: '坚持公开公正、廉洁高效，执法严明、公开公正。' },
    { name: '学法用法 is a phrase of its own', text: '落实学法用法制度，引导群众学法守法用法，尊法守法。' },
    {
      name: '四个意识… quoted in part, and whole',
      text: '树牢“四个意识”、做到“两个维护”，增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    },
    {
      name: 'plenum lists as written',
      text: '深入学习党的十九大和十九届历次全会精神、党的二十大和二十届二中、三中全会精神。',
    },
    {
      name: 'full names, and the office’s standard short names',
      text: '落实中央全面依法治国委员会部署，中央依法治国办印发通知，县委全面依法治县委员会、县委依法治县办召开会议。',
    },
    {
      name: '两个确立 after November 2021',
      text: '某镇2022年法治政府建设情况报告\n深刻领悟“两个确立”的决定性意义。',
    },
  ],
  invalid: [
    {
      name: 'a member one character off: fixed',
      text: `${R2023}加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满足的法治政府。`,
      errors: [
        {
          message: `“人民满足”应为“人民满意”：${GANGYAO_2021}的表述是“${SEVEN}”`,
          line: 2,
          column: 35,
          endColumn: 39,
        },
      ],
      output: `${R2023}加快建设${SEVEN}的法治政府。`,
    },
    {
      name: 'another word where the first member belongs (职责明确): reported, not fixed',
      text: `${R2023}加快建设职责明确、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。`,
      errors: [
        {
          message: `“职责明确”应为“职能科学”：${GANGYAO_2021}的表述是“${SEVEN}”`,
          line: 2,
          column: 5,
          endColumn: 9,
        },
      ],
      output: null,
    },
    {
      name: 'a member of the other version mixed in',
      text: `${R2023}加快建设职能科学、权责法定、执法严明、公开公正、智能高效、守法诚信的法治政府。`,
      errors: [{ messageIncludes: '“守法诚信”应为“廉洁诚信”', line: 2, column: 30, endColumn: 34 }],
    },
    {
      name: 'the 2015—2020 version in a 2023 report: a warning with the current one',
      text: `${R2023}加快建设${SIX}的法治政府。`,
      errors: [
        {
          message: `“${SIX}”是《法治政府建设实施纲要（2015—2020年）》的提法，2023年度的报告应写作“${SEVEN}”（${GANGYAO_2021}）`,
          line: 2,
          column: 5,
          endColumn: 34,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'the 2021—2025 version in a 2019 report',
      text: `某镇2019年法治政府建设情况报告\n加快建设${SEVEN}的法治政府。`,
      errors: [
        {
          message: `“${SEVEN}”是2021年8月才有的提法，不应出现在2019年度的报告中：请核对会议届次或文件名称`,
          line: 2,
          column: 5,
          endColumn: 39,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a member left out between two others',
      text: `${R2023}加快建设职能科学、权责法定、公开公正、智能高效、廉洁诚信、人民满意的法治政府。`,
      errors: [
        {
          message: `“职能科学、权责法定、公开公正、智能高效、廉洁诚信、人民满意”缺少“执法严明”：${GANGYAO_2021}的表述是“${SEVEN}”`,
          line: 2,
          column: 5,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'another member in the middle; the next list after the comma is a correct part',
      text: '推进科学立法、依法行政、公正司法、全民守法，形成严格执法、公正司法、全民守法的氛围。',
      errors: [
        {
          message: `“依法行政”应为“严格执法”：规范表述是“${SIXTEEN}”`,
          line: 1,
          column: 8,
          endColumn: 12,
        },
      ],
    },
    {
      name: '科学立法… with a member left out',
      text: '推进科学立法、公正司法、全民守法。',
      errors: [{ messageIncludes: '缺少“严格执法”', line: 1, column: 3, endColumn: 17 }],
    },
    {
      name: '崇法 for 尊法, run together or listed: fixed',
      text: '引导群众崇法学法守法用法，做到崇法、学法、守法、用法。',
      errors: [
        { message: '“崇法”应为“尊法”：规范表述是“尊法学法守法用法”', line: 1, column: 5, endColumn: 7 },
        { message: '“崇法”应为“尊法”：规范表述是“尊法学法守法用法”', line: 1, column: 16, endColumn: 18 },
      ],
      output: '引导群众尊法学法守法用法，做到尊法、学法、守法、用法。',
    },
    {
      name: '四个自信 before 四个意识: the order, with the verbs, is the drafter’s to restore',
      text: '坚定“四个自信”、增强“四个意识”、做到“两个维护”。',
      errors: [
        {
          message:
            '“‘四个自信’、增强‘四个意识’、做到‘两个维护’”顺序不规范：应按规范表述“增强‘四个意识’、坚定‘四个自信’、做到‘两个维护’”的顺序书写',
          line: 1,
          column: 3,
          endColumn: 27,
        },
      ],
      output: null,
    },
    {
      name: 'plenum lists garbled',
      text: '深入学习党的十九大和历届全会精神、党的十九大历次全会精神。',
      errors: [
        {
          message: '“十九大和历届全会”不是规范表述，应写作“十九大和十九届历次全会”',
          line: 1,
          column: 7,
          endColumn: 15,
        },
        { messageIncludes: '“十九大历次全会”不是规范表述', line: 1, column: 20, endColumn: 27 },
      ],
      output: '深入学习党的十九大和十九届历次全会精神、党的十九大和十九届历次全会精神。',
    },
    {
      name: 'plenums of two congresses run together; a list named after the congress',
      text: '深入学习十九届六中二十届一中全会精神和二十大二中、三中全会精神。',
      errors: [
        {
          message: '“十九届六中二十届一中全会”把两届的全会连在一起，应写作“十九届六中全会、二十届一中全会”',
          line: 1,
          column: 5,
          endColumn: 17,
        },
        {
          message: '“二十大二中、三中全会”不是规范表述，应写作“二十届二中、三中全会”',
          line: 1,
          column: 20,
          endColumn: 30,
        },
      ],
      output: '深入学习十九届六中全会、二十届一中全会精神和二十届二中、三中全会精神。',
    },
    {
      name: '二十届 plenums in a report of 2021',
      text: '某镇2021年法治政府建设情况报告\n深入学习贯彻二十大和二十届历次全会精神。',
      errors: [
        { messageIncludes: '是2022年10月才有的提法', line: 2, column: 7, endColumn: 18, severity: 'warning' },
      ],
    },
    {
      name: 'names of bodies and meetings without 全面',
      text: '落实中央依法治国委员会部署，学习中央全面依法治国会议精神，贯彻中央依法治国工作会议精神，县委依法治县委员会召开会议。',
      errors: [
        {
          message: '“中央依法治国委员会”不是规范表述，应写作“中央全面依法治国委员会”',
          line: 1,
          column: 3,
          endColumn: 12,
        },
        {
          message: '“中央全面依法治国会议”不是规范表述，应写作“中央全面依法治国工作会议”',
          line: 1,
          column: 17,
          endColumn: 27,
        },
        { messageIncludes: '应写作“中央全面依法治国工作会议”', line: 1, column: 32, endColumn: 42 },
        { messageIncludes: '应写作“县委全面依法治县委员会”', line: 1, column: 45, endColumn: 54 },
      ],
      output:
        '落实中央全面依法治国委员会部署，学习中央全面依法治国会议精神，贯彻中央全面依法治国工作会议精神，县委全面依法治县委员会召开会议。',
    },
  ],
});
