import { ruleTester } from '../helpers/rule-tester.js';

/** 余 after a one-digit count (issue #16), kept apart from number-format.test.ts so both can grow without clashing. */
const said = (found: string) =>
  `“${found}”用法不当：“余”表示整数后面的零头，用在整十、整百等数之后（10余次、100余人），个位数之后不用“余”，请写出确数`;

ruleTester('number-format', {
  valid: [
    {
      name: '余 after round numbers and after 万',
      text: '服务60余次，培训100余人，投入3万余元，1.5万余元。',
    },
    { name: 'a decimal, 其余, 余 with no unit', text: '增长1.5余，其余5人，余下3项。' },
  ],
  invalid: [
    {
      name: 'a one-digit count with 余, with its unit; no fix',
      text: '开展培训4余次，投入3余万元，历时2余年。',
      errors: [
        { message: said('4余次'), line: 1, column: 5, endColumn: 8 },
        { message: said('3余万元'), line: 1, column: 11, endColumn: 15 },
        { message: said('2余年'), line: 1, column: 18, endColumn: 21 },
      ],
      output: null,
    },
  ],
});
