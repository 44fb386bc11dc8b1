// backend/data.js: the site's data hooks, passed to createWixData({ hooks }) in tests.

export function Movies_beforeInsert(item) {
  if (typeof item.title !== 'string' || item.title.trim() === '') {
    return Promise.reject(new Error('A movie needs a title'));
  }
  return { ...item, title: item.title.trim(), rating: item.rating ?? 0 };
}

export function Movies_beforeUpdate(item, context) {
  // Ratings may only go up by at most 1 per update.
  const before = context.currentItem?.rating ?? 0;
  return { ...item, rating: Math.min(item.rating ?? before, before + 1) };
}
