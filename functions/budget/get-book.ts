import { budgetBook } from '#shared/domain/budget/book.ts';
import { requireVersion } from '#shared/application/budget/require-version.ts';
import { apiHandler } from '#shared/http/api-handler.ts';
import { listAccounts, listDepartments } from '#shared/stores/budget/structure.ts';
import { readAllLines } from '#shared/stores/budget/version.ts';
import { getBudgetBook } from '#shared/routes/budget.ts';

export const handler = apiHandler(getBudgetBook, async ({ params }) => {
  const version = await requireVersion(params.gov, params.year, params.version);
  const [lines, accounts, departments] = await Promise.all([readAllLines(version), listAccounts(params.gov), listDepartments(params.gov)]);
  const accountNames = new Map(accounts.map((a) => [a.code, a.name]));
  const departmentNames = new Map(departments.map((d) => [d.code, d.name]));
  const book = budgetBook(
    lines,
    (code) => departmentNames.get(code) ?? code,
    (code) => accountNames.get(code) ?? code,
  );
  return { body: { gov: params.gov, year: params.year, version: version.number, state: version.state, ...book } };
});
