import { Content, Header, HeaderTabs, Page } from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import { ActionLogExplorer } from '../ActionLogExplorer';
import { CheckBeforeYouBuild } from '../CheckBeforeYouBuild';
import { OverviewTab } from './OverviewTab';
import { PAGE_TABS, PageTabId, selectedTab } from './pageTabs';

const tabId = (id: PageTabId) => `agent-mesh-tab-${id}`;
const panelId = (id: PageTabId) => `agent-mesh-tabpanel-${id}`;

const PANELS: Record<PageTabId, () => JSX.Element> = {
  overview: OverviewTab,
  actions: ActionLogExplorer,
  check: CheckBeforeYouBuild,
};

/**
 * The page at `/agent-mesh`: the overview of what the organisation builds, the action log and
 * "check before you build". The selected tab is the `tab` query parameter, so that links and the
 * browser's back and forward buttons work.
 */
export function AgentMeshPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = selectedTab(searchParams);
  const Panel = PANELS[tab];

  const selectTab = (index: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', PAGE_TABS[index].id);
    setSearchParams(next);
  };

  return (
    <Page themeId="tool">
      <Header
        title="Agent Mesh"
        subtitle="What the organisation builds with AI, what its agents do, and what exists already"
      />
      <HeaderTabs
        selectedIndex={PAGE_TABS.findIndex(t => t.id === tab)}
        onChange={selectTab}
        tabs={PAGE_TABS.map(t => ({
          id: t.id,
          label: t.label,
          tabProps: { id: tabId(t.id), 'aria-controls': panelId(t.id) },
        }))}
      />
      <Content>
        <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
          <Panel />
        </div>
      </Content>
    </Page>
  );
}
