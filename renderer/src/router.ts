/**
 * Hash history: the same URLs work under file://, app:// and http://.
 * Views are imported statically: one small bundle, no lazy chunk to fetch from file://.
 */
import { createRouter, createWebHashHistory } from 'vue-router';
import BrowseView from './views/BrowseView.vue';
import RecordView from './views/RecordView.vue';
import SavedView from './views/SavedView.vue';
import SearchView from './views/SearchView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'search', component: SearchView, meta: { title: 'Tra cứu' } },
    {
      path: '/record/:id',
      name: 'record',
      component: RecordView,
      props: true,
      meta: { title: 'Chi tiết thẩm quyền' },
    },
    {
      path: '/browse',
      name: 'browse',
      component: BrowseView,
      meta: { title: 'Văn bản và lĩnh vực' },
    },
    { path: '/saved', name: 'saved', component: SavedView, meta: { title: 'Đã lưu' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior(_to, _from, saved) {
    return saved ?? { top: 0 };
  },
});

router.afterEach((to) => {
  const t = typeof to.meta.title === 'string' ? to.meta.title : '';
  document.title = t ? `${t} — Tra cứu thẩm quyền` : 'Tra cứu thẩm quyền';
});
