export { PageArgs, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './page.args.js';
export { PageInfo, PageOf, mapPage, type Page } from './page.type.js';
export { paginate, type SortOrder } from './keyset.js';
