import { describe, expect, it } from 'vitest';
import { expectWeights } from './expect-weights';

const servers = ['web1', 'web2'].map((name, i) => ({
  name,
  address: `${name}:80`,
  line: i + 1,
  weight: 1,
  standby: false,
}));

describe('expectWeights', () => {
  it('reads the weights in the order of the servers', () => {
    expect(expectWeights('web2=3, web1=1', servers)).toEqual([1, 3]);
  });

  it.each([
    ['web1=1', 'no weight for web2: name every server'],
    ['web1=1,web3=1', 'no server "web3" (there are: web1, web2)'],
    ['web1=x,web2=1', '"web1=x" is not name=weight'],
    ['web1=1,web1=2', 'web1 is given twice'],
    ['web1=0,web2=0', 'every weight is 0'],
  ])('%s', (spec, problem) => expect(() => expectWeights(spec, servers)).toThrow(problem));
});
