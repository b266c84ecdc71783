/** The period of work-plan activities offered as a report's source: last year and this year. */
export function activityRange(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year}-12-31` };
}

/** The source kinds a user may make a report from: meetings (manage:meeting), activities (manage:workplan). */
export function reportSourceKinds(access: {
  canManageMeetings: boolean;
  canManageWorkPlans: boolean;
}): ('meeting' | 'activity')[] {
  const kinds: ('meeting' | 'activity')[] = [];
  if (access.canManageMeetings) kinds.push('meeting');
  if (access.canManageWorkPlans) kinds.push('activity');
  return kinds;
}
