// Cytoscape extensions ship without type declarations; each is a plain `cytoscape.use()` plugin.
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-cola' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-dagre' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module '*.css';
// The package's "exports" map has no "types" condition, so its own declarations are not found; these are the props we use.
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';
  export const CypherEditor: ComponentType<{
    value?: string;
    onValueChanged?: (value: string) => void;
    schema?: { labels?: string[]; relationshipTypes?: string[]; propertyKeys?: string[] };
    theme?: 'light' | 'dark' | 'auto';
    autofocus?: boolean;
    lineWrapping?: boolean;
    placeholder?: string;
    className?: string;
    onEditorCreated?: (editor: CypherEditorApi) => void;
  }>;
  /** The part of the editor's API (@neo4j-cypher/codemirror's EditorApi) that we call. */
  export interface CypherEditorApi {
    setAutocompleteOpen(open: boolean): void;
  }
}
