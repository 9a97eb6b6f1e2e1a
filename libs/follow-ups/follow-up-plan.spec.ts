import { FollowUpKind } from './follow-up-kind.js';
import { checkInTime, plannedDates } from './follow-up-plan.js';

const period = (startDate: string, endDate: string | null) =>
  Object.fromEntries(plannedDates({ placementId: 'p', startDate, endDate, state: 'RUNNING' }));

describe('the follow-up plan of a placement', () => {
  it('checks in a week after the start, halfway, on the last day, and asks for the outcome 90 days after', () => {
    expect(period('2027-02-01', '2027-04-30')).toEqual({
      [FollowUpKind.WEEK_ONE]: '2027-02-08',
      [FollowUpKind.MIDPOINT]: '2027-03-17',
      [FollowUpKind.END]: '2027-04-30',
      [FollowUpKind.OUTCOME]: '2027-07-29',
    });
  });

  it('has only the first check-in while open-ended', () => {
    expect(period('2027-02-01', null)).toEqual({ [FollowUpKind.WEEK_ONE]: '2027-02-08' });
  });

  it('leaves out check-ins that would not fall before the last day', () => {
    // Ten days: the midpoint (day 5) would come before the first week is over.
    expect(period('2027-02-01', '2027-02-10')).toEqual({
      [FollowUpKind.WEEK_ONE]: '2027-02-08',
      [FollowUpKind.END]: '2027-02-10',
      [FollowUpKind.OUTCOME]: '2027-05-11',
    });
    // Five days: no week one either.
    expect(period('2027-02-01', '2027-02-05')).toEqual({
      [FollowUpKind.END]: '2027-02-05',
      [FollowUpKind.OUTCOME]: '2027-05-06',
    });
  });

  it('crosses year ends and leap days by calendar days', () => {
    expect(period('2027-12-28', '2028-03-01')[FollowUpKind.WEEK_ONE]).toBe('2028-01-04');
    expect(period('2027-12-28', '2028-03-01')[FollowUpKind.OUTCOME]).toBe('2028-05-30');
  });
});

describe('when a check-in fires', () => {
  const plannedAt = new Date('2027-01-04T15:30:00Z');

  it('at 07:00 Swedish time on its day, or at once when that has passed', () => {
    expect(checkInTime('2027-01-11', plannedAt, 86_400_000).toISOString()).toBe('2027-01-11T06:00:00.000Z');
    expect(checkInTime('2027-06-11', plannedAt, 86_400_000).toISOString()).toBe('2027-06-11T05:00:00.000Z');
    expect(checkInTime('2027-01-04', plannedAt, 86_400_000).getTime()).toBeLessThan(plannedAt.getTime());
  });

  it('with shortened days, that many of them after it was planned', () => {
    expect(checkInTime('2027-01-11', plannedAt, 200).getTime() - plannedAt.getTime()).toBe(7 * 200);
    expect(checkInTime('2026-12-01', plannedAt, 200)).toEqual(plannedAt);
  });
});
