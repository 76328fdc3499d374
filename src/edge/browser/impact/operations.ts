/**
 * The impact page's one GraphQL document. It always carries a staff key, and keyed callers are not
 * bound to the safelist, so it is not in the persisted operation manifest.
 */
const FIGURES = 'occurrences registrations confirmed attended walkIns headCount attendedTotal attendanceByCategory{category count} seats fillRate noShowRate '
  + 'surveyResponses surveySuppressed agreement{outcome agreeShare}';

export const IMPACT_REPORT = 'query ImpactReport($from:DateTime!,$to:DateTime!,$groupBy:[ImpactDimension!]){'
  + `impact(from:$from,to:$to,groupBy:$groupBy){totals{${FIGURES}} `
  + `groups{partner{name} seriesTitle category audience month serviceArea branch{name} figures{${FIGURES}}}}}`;
