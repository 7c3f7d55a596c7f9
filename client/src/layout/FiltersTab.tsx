import { changeUndated, changeYears, showHidden, toggleFilter } from '../explorer/edit';
import { useExplorer, useExplorerState } from '../explorer/react';
import { loadSchema } from '../explorer/schema';
import { FiltersPanel } from '../panels/FiltersPanel';
import { Status } from '../panels/Status';
import { useView } from './derived';

export function FiltersTab() {
  const explorer = useExplorer();
  const view = useView();
  const schema = useExplorerState((state) => state.schema);
  const schemaStatus = useExplorerState((state) => state.schemaStatus);
  const theme = useExplorerState((state) => state.theme);
  const scoped = useExplorerState((state) => state.chosenDatasets.length > 0);
  return (
    <>
      <Status status={schemaStatus} onRetry={() => void loadSchema(explorer)} />
      <FiltersPanel
        view={view}
        schema={schema}
        totalsWhere={scoped ? 'in the chosen datasets' : 'in database'}
        onToggle={(list, value) => toggleFilter(explorer, list, value)}
        onYears={(years) => changeYears(explorer, years)}
        onUndated={(choice) => changeUndated(explorer, choice)}
        theme={theme}
        onShowHidden={() => showHidden(explorer)}
      />
    </>
  );
}
