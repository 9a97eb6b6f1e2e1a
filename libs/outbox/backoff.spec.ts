import { backoffSeconds } from './outbox-relay.service.js';

describe('outbox retry backoff', () => {
  it('doubles per attempt within ±25 % and stops at the maximum', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const expected = Math.min(2 ** attempt, 300);
      const delay = backoffSeconds(attempt, 300);
      expect(delay).toBeGreaterThanOrEqual(expected * 0.75);
      expect(delay).toBeLessThanOrEqual(expected * 1.25);
    }
  });
});
