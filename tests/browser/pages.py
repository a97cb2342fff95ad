"""One URL of every public page type, per language (the browser tests visit each in both)."""

PAGE_TYPES = {
    "home": "/{lang}/",
    "faq-index": "/{lang}/faq/",
    "topic": "/{lang}/faq/topic/quota-support/",
    "entry": "/{lang}/faq/onirlik-kvota/",
    "longest-entry": "/{lang}/faq/ekonomikalyq-utqyrlyq-sertifikaty/",  # entry 11
    "directory": "/{lang}/clinics/",
    "region-table": "/{lang}/clinics/pavlodar/",
    "region-filtered": "/{lang}/clinics/north-kazakhstan/?type=tuberculosis",
    "region-empty": "/{lang}/clinics/abai/",
    "quota": "/{lang}/quota/",
    "search-results": "/{lang}/search/?q=%D0%BA%D0%B2%D0%BE%D1%82%D0%B0",  # квота
    "search-nothing": "/{lang}/search/?q=zzzzqqq",
    "journey": "/{lang}/journeys/moving-as-kandas/",
    "contacts": "/{lang}/contacts/",
    "not-found": "/{lang}/no-such-page/",
}
NOT_FOUND = {"not-found"}
