export { reportTitles } from '#shared/domain/reports/report.ts';
export { roles as roleTitles } from '#shared/auth/roles.ts';
