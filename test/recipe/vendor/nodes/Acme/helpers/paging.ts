import { pageNumberScheme, pagesOf, paginate } from '../../shared/pagination';

/** Acme Chat lists: `page` from 1, `per_page` up to 100; `meta.total_pages` says how many there are. */
export const acmePaging = pageNumberScheme({
	page: 'page',
	limit: 'per_page',
	maxPageSize: 100,
	hasNext: (body, received, size) => {
		const meta = (body.meta ?? {}) as { page?: unknown; total_pages?: unknown };
		return typeof meta.total_pages === 'number' ? Number(meta.page) < meta.total_pages : received === size;
	},
	pageCount: (body, size) => pagesOf((body.meta as { total?: unknown } | undefined)?.total, size),
});

export const acmePages = paginate(acmePaging);
