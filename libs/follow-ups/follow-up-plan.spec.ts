import { FollowUpKind } from './follow-up-kind.js';
import { plannedDates } from './follow-up-plan.js';

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
