import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import './styles/base.css';
import './styles/timeline.css';
import './styles/record-timeline.css';
import './styles/national-procedures.css';
import './styles/decree.css';
import './styles/home.css';
import './styles/sector-tree.css';
import './styles/stats.css';
import './styles/answer-card.css';
import './styles/theme.css';
import './styles/print.css';

createApp(App).use(createPinia()).use(router).mount('#app');
