import fc from 'fast-check';

import { KeyHeap, NodeHeap } from './node-heap';

describe('KeyHeap', () => {
  it('pops in the order NodeHeap gives for keys (0, key), decrease-key and clear included', () => {
    const op = fc.record({
      node: fc.integer({ min: 0, max: 19 }),
      key: fc.integer({ min: -5, max: 5 }),
      pop: fc.boolean(),
      clear: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const single = new KeyHeap(20);
        const pair = new NodeHeap(20);
        const keys = new Map<number, number>();
        const popped: [number[], number[]] = [[], []];
        for (const { node, key, pop, clear } of ops) {
          if (clear === 0) {
            single.clear();
            pair.clear();
            keys.clear();
          } else if (pop && !single.isEmpty) {
            expect(single.minKey).toBe(pair.minLo);
            const x = single.pop();
            popped[0].push(x);
            popped[1].push(pair.pop());
            keys.delete(x);
          } else if (key < (keys.get(node) ?? Infinity)) {
            // Only lowers a key, as the searches do.
            keys.set(node, key);
            single.push(node, key);
            pair.push(node, 0, key);
          }
          expect(single.isEmpty).toBe(pair.isEmpty);
        }
        while (!single.isEmpty) {
          popped[0].push(single.pop());
          popped[1].push(pair.pop());
        }
        expect(pair.isEmpty).toBe(true);
        expect(popped[0]).toEqual(popped[1]);
      }),
      { numRuns: 300 },
    );
  });
});
