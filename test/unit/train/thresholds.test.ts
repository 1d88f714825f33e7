// Which scorer threshold a retrain keeps when the settings sets cannot tell values apart.
import { describe, expect, it } from 'vitest';
import { mostCautious } from '../../../src/train/train.js';

const OFF = 1.01;

describe('mostCautious', () => {
  it('keeps the highest threshold within the noise margin of the best, not the lowest', () => {
    const tried = [
      { threshold: 0.5, f1: 0.5946 },
      { threshold: 0.6, f1: 0.5948 },
      { threshold: 0.7, f1: 0.5948 },
      { threshold: 0.8, f1: 0.5939 },
      { threshold: OFF, f1: 0.5922 },
    ];
    expect(mostCautious(tried).threshold).toBe(0.8);
  });

  it('keeps a decision off unless switching it on gains more than the margin', () => {
    expect(mostCautious([{ threshold: 0.4, f1: 0.6005 }, { threshold: OFF, f1: 0.6 }]).threshold).toBe(OFF);
    expect(mostCautious([{ threshold: 0.4, f1: 0.61 }, { threshold: OFF, f1: 0.6 }]).threshold).toBe(0.4);
  });
});
