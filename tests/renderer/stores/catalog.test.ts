/** The sector → field tree and "Cấp xã nhận từ cấp huyện", from a list of records. */
import { describe, expect, it } from 'vitest';
import type { RecordListItem } from '../../../electron/api/contract';
import { communeFromDistrict, groupTree, NO_FIELD } from '../../../renderer/src/stores/catalog';
import { sampleHit } from '../sample-hit';

const item = (id: string, over: Partial<RecordListItem>): RecordListItem => ({ ...sampleHit(), id, field: null, ...over }) as RecordListItem;

describe('catalog tree', () => {
  const items = [
    item('a', { sector: 'justice', field: 'Hộ tịch' }),
    item('b', { sector: 'justice', field: 'Chứng thực' }),
    item('c', { sector: 'justice', field: null }),
    item('d', { sector: 'justice', field: 'Hộ tịch', status: { ...sampleHit().status, code: 'bai-bo' } }),
    item('e', { sector: 'other', field: 'X' }),
    item('f', { sector: 'construction', field: 'Giao thông' }),
  ];

  it('counts records per sector and per field, fields by name and the unfiled last, "Lĩnh vực khác" last', () => {
    const tree = groupTree(items);
    expect(tree.map((s) => s.sector)).toEqual(['justice', 'construction', 'other']);
    const justice = tree[0]!;
    expect(justice.count).toBe(4);
    expect(justice.inForce).toBe(3);
    expect(justice.fields.map((f) => [f.field, f.count])).toEqual([
      ['Chứng thực', 1],
      ['Hộ tịch', 2],
      [NO_FIELD, 1],
    ]);
    expect(tree.reduce((s, x) => s + x.count, 0)).toBe(items.length);
  });

  it('every sector of the catalogue has a node: one whose decrees have no text yet counts 0 and names them, after those with records', () => {
    const docs = [
      { number: '120/2025/NĐ-CP', sector: 'justice' as const, textLoaded: true },
      { number: '142/2025/NĐ-CP', sector: 'education' as const, textLoaded: false },
      { number: '143/2025/NĐ-CP', sector: 'education' as const, textLoaded: false },
      { number: '122/2025/NĐ-CP', sector: 'finance' as const, textLoaded: false },
      { number: '137/2025/NĐ-CP', sector: 'culture' as const, textLoaded: false },
    ];
    const tree = groupTree(items, docs);
    expect(tree.map((s) => s.sector)).toEqual(['justice', 'construction', 'education', 'finance', 'culture', 'other']);
    const education = tree.find((s) => s.sector === 'education')!;
    expect([education.count, education.fields.length, education.waiting]).toEqual([0, 0, ['142/2025/NĐ-CP', '143/2025/NĐ-CP']]);
    expect(tree.find((s) => s.sector === 'justice')!.waiting).toEqual([]);
    // A sector of the catalogue with every text loaded and no record is not shown (nothing to say about it).
    expect(groupTree([], [{ number: '1/2025/NĐ-CP', sector: 'health', textLoaded: true }])).toEqual([]);
  });

  it('"Cấp xã nhận từ cấp huyện" is phân định to the commune, in force', () => {
    const xs = [
      item('1', { mechanism: 'phan-dinh', level: 'xa' }),
      item('2', { mechanism: 'phan-cap', level: 'xa' }),
      item('3', { mechanism: 'phan-dinh', level: 'tinh' }),
      item('4', { mechanism: 'phan-dinh', level: 'xa', status: { ...sampleHit().status, code: 'bai-bo' } }),
    ];
    expect(communeFromDistrict(xs).map((x) => x.id)).toEqual(['1']);
  });
});
