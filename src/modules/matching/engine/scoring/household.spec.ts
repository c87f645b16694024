import { bedroomsNeeded } from './household';

describe('bedroomsNeeded', () => {
  it.each([
    [1, 0, 0],
    [2, 0, 1],
    [1, 1, 2],
    [1, 2, 2],
    [1, 3, 3],
    [2, 1, 2],
    [2, 4, 3],
    [3, 0, 2],
    [4, 0, 3],
    [3, 1, 3],
  ])('gives %i adult(s) and %i child(ren) %i bedroom(s)', (adults, children, bedrooms) => {
    expect(bedroomsNeeded({ adults, children })).toBe(bedrooms);
  });

  it('counts a household without adults as one adult', () => {
    expect(bedroomsNeeded({ adults: 0, children: 0 })).toBe(0);
  });
});
