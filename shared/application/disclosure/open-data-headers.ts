/** Open data changes only when a budget version becomes final: caches may keep it a few minutes. */
export const openDataHeaders = { 'cache-control': 'public, max-age=300' };
