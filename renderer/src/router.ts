/**
 * Hash history: the same URLs work under file://, app:// and http://.
 * Views are imported statically: one small bundle. One exception: the statistics page and its chart
 * library (ECharts, about 550 kB) load only when it is opened, so the app starts as fast as before
 * on an old laptop (the chunk sits beside the bundle: app:// and http:// serve it alike).
 */
import { createRouter, createWebHashHistory } from 'vue-router';
import { isListRoute, rememberList, takeReturnScroll, whenScrollable } from './lib/return-to';
import AboutView from './views/AboutView.vue';
import BrowseView from './views/BrowseView.vue';
import CrosscheckView from './views/CrosscheckView.vue';
import DecreeView from './views/DecreeView.vue';
import HomeView from './views/HomeView.vue';
import RecordView from './views/RecordView.vue';
import SavedView from './views/SavedView.vue';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'search', component: HomeView, meta: { title: 'Tra cứu' } },
    {
      path: '/record/:id',
      name: 'record',
      component: RecordView,
      props: true,
      meta: { title: 'Chi tiết thẩm quyền', wide: true },
    },
    {
      path: '/browse',
      name: 'browse',
      component: BrowseView,
      meta: { title: 'Văn bản và lĩnh vực', wide: true },
    },
    { path: '/decree', name: 'decree', component: DecreeView, meta: { title: 'Đọc văn bản', wide: true } },
    { path: '/doi-chieu', name: 'crosscheck', component: CrosscheckView, meta: { title: 'Đối chiếu thủ tục', wide: true } },
    { path: '/stats', name: 'stats', component: () => import('./views/StatsView.vue'), meta: { title: 'Thống kê', wide: true } },
    { path: '/about', name: 'about', component: AboutView, meta: { title: 'Giới thiệu và nguồn dữ liệu' } },
    { path: '/saved', name: 'saved', component: SavedView, meta: { title: 'Đã lưu' } },
    // The data screens load only when opened: most users never need them.
    { path: '/cap-nhat', name: 'update', component: () => import('./views/UpdateView.vue'), meta: { title: 'Cập nhật dữ liệu' } },
    { path: '/nap-van-ban', name: 'import', component: () => import('./views/ImportView.vue'), meta: { title: 'Nạp văn bản' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior(to, from, saved) {
    // "Quay lại kết quả" to a list no longer in the history: back to where the list was scrolled.
    const back = takeReturnScroll(to.fullPath);
    if (back !== null && !saved) return whenScrollable(back).then(() => ({ top: back }));
    // Within the decree reader the view scrolls to the provision itself once the text is there.
    if (to.name === 'decree' && from.name === 'decree' && to.query.so === from.query.so) return false;
    return saved ?? { top: 0 };
  },
});

router.beforeEach((to, from) => {
  if (to.name === 'record' && isListRoute(from.name)) rememberList(from.name, from.fullPath, window.scrollY);
});

router.afterEach((to) => {
  const t = typeof to.meta.title === 'string' ? to.meta.title : '';
  document.title = t ? `${t} — Tra cứu thẩm quyền` : 'Tra cứu thẩm quyền';
});
