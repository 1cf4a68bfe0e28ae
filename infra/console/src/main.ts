import type { ConsoleConfig } from '../config.ts';
import { configure } from './api.ts';
import { completeSignIn, currentSession, signOut, startSignIn } from './auth.ts';
import type { Identity } from './auth.ts';
import { h, replace } from './dom.ts';
import { governmentName, governments } from './governments.ts';
import { archiveReport } from './pages/archive-report.ts';
import { aggregateBook, budgetBook } from './pages/budget-book.ts';
import { budgetLine } from './pages/budget-line.ts';
import { governmentHome } from './pages/government.ts';
import { ministryHome } from './pages/ministry.ts';
import { officialHome } from './pages/official.ts';
import { recipientHome } from './pages/recipient.ts';
import { residentHome } from './pages/resident.ts';
import { residentEnrolment } from './pages/resident-enrolment.ts';
import { treasuryHome } from './pages/treasury.ts';
import { roleTitles } from './reports.ts';
import { problemMessage } from './ui.ts';

const YEAR_KEY = 'hojo.console.year';
const overviewRoles = ['head', 'council_member', 'budget_officer', 'chief_accountant', 'research'];
const officialRoles = ['department_official', 'finance_officer', 'disbursing_officer', 'revenue_officer'];

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const account = document.getElementById('account') as HTMLElement;
const yearSelect = document.getElementById('year') as HTMLSelectElement;

const year = (): number => Number(yearSelect.value);

/** Where a role starts: the page of what it may read (the API decides; the console only chooses the page). */
function homeOf(identity: Identity | undefined): string {
  const role = identity?.roles[0] ?? '';
  if (role === 'ministry') return '#/ministry';
  if (role === 'subsidy_recipient') return '#/recipient';
  // A resident's government is their approved enrolment, read by their own page, never the token's.
  if (role === 'resident') return '#/resident';
  if (identity?.gov && role === 'treasury_bank') return `#/treasury/${identity.gov}`;
  if (identity?.gov && overviewRoles.includes(role)) return `#/government/${identity.gov}`;
  if (identity?.gov && officialRoles.includes(role)) return `#/execution/${identity.gov}`;
  if (identity?.gov) return `#/public/${identity.gov}`;
  return '#/choose';
}

/** A research institute (and nothing else) reads aggregates only: the console asks it for nothing more. */
const aggregatesOnly = (identity: Identity | undefined): boolean =>
  identity !== undefined && identity.roles.length > 0 && identity.roles.every((r) => r === 'research');

function navigation(identity: Identity | undefined): void {
  const links: [string, string][] = [];
  const gov = identity?.gov;
  if (identity?.roles.includes('ministry')) links.push(['#/ministry', '행정안전부 홈']);
  if (gov && identity && overviewRoles.some((r) => identity.roles.includes(r))) links.push([`#/government/${gov}`, '재정 현황']);
  if (gov && identity && [...overviewRoles, ...officialRoles].some((r) => identity.roles.includes(r))) {
    links.push([`#/execution/${gov}`, '집행현황']);
    links.push([`#/book/${gov}`, '예산서']);
  }
  if (gov && identity?.roles.includes('treasury_bank')) links.push([`#/treasury/${gov}`, '금고 업무']);
  if (identity?.roles.includes('subsidy_recipient')) links.push(['#/recipient', '나의 보조금']);
  if (identity?.roles.includes('resident')) links.push(['#/resident', '나의 주민 등록']);
  links.push([gov && !identity?.roles.includes('resident') ? `#/public/${gov}` : '#/choose', '공개 자료·주민참여예산']);
  const current = location.hash.split('?')[0];
  replace(
    nav,
    h(
      'ul',
      {},
      ...links.map(([href, label]) => h('li', {}, h('a', { href, ...(current === href ? { 'aria-current': 'page' } : {}) }, label))),
    ),
  );
}

function accountBox(config: ConsoleConfig): void {
  const session = currentSession();
  if (session) {
    const { identity } = session;
    const role = identity.roles.map((r) => roleTitles[r as keyof typeof roleTitles] ?? r).join(', ');
    replace(
      account,
      h('span', { id: 'who' }, `${role}${identity.gov ? ` · ${identity.gov}` : ''} · ${identity.sub}`),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            signOut();
            location.hash = '#/';
            location.reload();
          },
        },
        '로그아웃',
      ),
    );
    return;
  }
  const { signIn, residentSignIn } = config;
  if (!signIn && !residentSignIn) {
    replace(account, h('span', {}, '로그인 설정 없음: 공개 자료만 볼 수 있습니다'));
    return;
  }
  const returnTo = location.hash || '#/';
  replace(
    account,
    signIn &&
      h(
        'button',
        { type: 'button', id: 'sign-in', onclick: () => void startSignIn(signIn, returnTo) },
        signIn.development ? '로그인 (개발용 발급자)' : '로그인',
      ),
    // Residents sign in with their own provider (AWS: the residents' user pool) and land on their own page.
    residentSignIn &&
      h(
        'button',
        { type: 'button', id: 'resident-sign-in', onclick: () => void startSignIn(residentSignIn, '#/resident', 'residentSignIn') },
        residentSignIn.development ? '주민 로그인 (개발용)' : '주민 로그인',
      ),
  );
}

/** A government chosen by code (research institutes, residents not signed in). */
function chooser(target: 'government' | 'public'): HTMLElement {
  const input = h('input', { id: 'choose-gov', name: 'gov', inputmode: 'numeric', pattern: '\\d{5}', required: true, autocomplete: 'off' });
  return h(
    'div',
    {},
    h('h1', {}, '지방자치단체 선택'),
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (event: Event) => {
          event.preventDefault();
          location.hash = `#/${target}/${input.value}`;
        },
      },
      h('label', { for: 'choose-gov' }, '지방자치단체 코드 (5자리, 예: 11110 종로구)'),
      input,
      h('button', { type: 'submit' }, '보기'),
    ),
  );
}

async function route(config: ConsoleConfig): Promise<void> {
  const session = currentSession();
  const identity = session?.identity;
  if (!location.hash.startsWith('#/') || location.hash === '#/') {
    history.replaceState(null, '', homeOf(identity));
  }
  navigation(identity);
  accountBox(config);
  const [path = '', ...rest] = location.hash.slice(2).split('/');
  const gov = rest[0] ?? '';
  const all = await governments().catch(() => new Map());
  const name = governmentName(all, gov);
  let page: Node | Node[];
  if (path === 'ministry') page = [h('h1', {}, `행정안전부 — ${year()}회계연도`), ...ministryHome(year())];
  else if (path === 'archive') page = archiveReport(gov, decodeURIComponent(rest.slice(1).join('/')));
  else if (path === 'government') page = governmentHome(gov, year(), `${name} ${year()}회계연도 재정 현황`);
  else if (path === 'execution') page = officialHome(gov, year(), `${name} ${year()}회계연도 집행현황`);
  else if (path === 'book') page = (aggregatesOnly(identity) ? aggregateBook : budgetBook)(gov, year(), `${name} ${year()}회계연도 예산서`);
  else if (path === 'line') {
    const lineId = decodeURIComponent(rest.slice(1).join('/'));
    page = budgetLine(gov, year(), lineId, `${name} ${year()}회계연도 예산과목 ${lineId}`);
  } else if (path === 'treasury') page = treasuryHome(gov, `${name} 금고 업무`);
  else if (path === 'recipient') page = recipientHome(`지방보조사업자 ${identity?.sub ?? ''}`);
  else if (path === 'resident') page = residentEnrolment(`주민 ${identity?.sub ?? ''}`);
  else if (path === 'public') page = residentHome(gov, year(), `${name} ${year()}회계연도 공개 자료`);
  else page = chooser(identity?.roles.includes('research') ? 'government' : 'public');
  replace(main, ...(Array.isArray(page) ? page : [page]));
  // Keyboard and screen-reader users land on the new page's heading.
  const heading = main.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

async function start(): Promise<void> {
  const thisYear = new Date().getFullYear();
  for (let y = thisYear + 1; y >= thisYear - 5; y--) yearSelect.append(h('option', { value: y }, `${y}년`));
  yearSelect.value = sessionStorage.getItem(YEAR_KEY) ?? String(thisYear);
  document.getElementById('skip')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  let config: ConsoleConfig = { apiBase: '' };
  try {
    config = (await (await fetch('config.json')).json()) as ConsoleConfig;
    configure(config);
    const returnTo = await completeSignIn(config);
    // Signed in from the landing page: go to the role's home, otherwise back where the reader was.
    if (returnTo) history.replaceState(null, '', ['#/', '#/choose'].includes(returnTo) ? homeOf(currentSession()?.identity) : returnTo);
  } catch (error) {
    replace(main, problemMessage(error));
    accountBox(config);
    return;
  }
  yearSelect.addEventListener('change', () => {
    sessionStorage.setItem(YEAR_KEY, yearSelect.value);
    void route(config);
  });
  window.addEventListener('hashchange', () => void route(config));
  await route(config);
}

void start();
