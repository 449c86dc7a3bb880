import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectGateway } from './state/gateway-client';
import { createDashboardStore } from './state/store';
import { readPageParams } from './state/url-params';
import { App } from './views/App';
import { DashboardContext } from './views/store-context';
import './styles.css';

const params = readPageParams(window.location.search);
const store = createDashboardStore();
store.getState().setDisplayZone(params.tz);
connectGateway(store, {
  ...(params.gateway !== undefined && { url: params.gateway }),
  ...(params.token !== undefined && { token: params.token }),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardContext.Provider value={store}>
      <App kiosk={params.kiosk} />
    </DashboardContext.Provider>
  </StrictMode>,
);
