/**
 * `data-testid` values the browser tests (test/e2e) rely on. A view that renders one of these
 * takes the id from here, so renaming is one edit.
 */
export const TEST_IDS = {
  // Shell and documents
  openExample: 'open-example', // button: opens the library (examples and case studies)
  libraryItem: 'library-item', // each entry in the library; carries data-name="monolith" etc.
  openFile: 'open-file',
  openRecent: 'open-recent',
  recentItem: 'recent-item',
  saveFile: 'save-file',
  undo: 'undo',
  redo: 'redo',
  dirtyMarker: 'dirty-marker', // shown while the active document has unsaved edits
  documentTab: 'document-tab', // one per open document; data-name
  recoverBanner: 'recover-banner', // offered at start-up when an autosave exists
  recoverAccept: 'recover-accept',
  // Editing
  canvas: 'topology-canvas',
  canvasNode: 'canvas-node', // data-name = component name, data-kind
  canvasEdge: 'canvas-edge', // each edge; data-from, data-to (component names), data-selected
  renameInput: 'rename-component', // the inspector's editable component name
  palette: 'palette',
  inspector: 'inspector',
  inspectorField: 'inspector-field', // each input; data-path = "components.app.replicas"
  yamlView: 'yaml-view', // the source editor (a textarea or code editor with a value)
  yamlTab: 'tab-yaml',
  canvasTab: 'tab-canvas',
  resultsTab: 'tab-results',
  compareTab: 'tab-compare',
  errorList: 'error-list', // validation errors, each item with the path and line
  errorItem: 'error-item',
  profileChart: 'profile-chart', // the shapeable load-profile chart (inspector, nothing selected)
  profileHandle: 'profile-handle', // each point's handle; data-index = index in workload.profile
  // Runs and results
  runButton: 'run',
  cancelButton: 'cancel-run',
  progress: 'run-progress', // with simulated time, events/s, ETA as text
  resultsTable: 'results-table',
  latencyCdf: 'chart-latency-cdf',
  timeSeries: 'chart-time-series',
  costBreakdown: 'cost-breakdown',
  availability: 'availability',
  // Compare and export
  compareButton: 'compare',
  compareTable: 'compare-table',
  sweepForm: 'sweep-form',
  sweepResults: 'sweep-results',
  exportReport: 'export-report',
  exportPdf: 'export-pdf',
  costPanel: 'cost-panel',
  themeToggle: 'theme-toggle',
  // Case studies (issue 7)
  caseStudyCard: 'case-study-card', // one per study in the library; data-name = its folder (payfinity), data-valid = its case-study.yaml validates
  caseStudyReplay: 'case-study-replay', // the card's "Replay" button
  caseStudyMigration: 'case-study-migration', // the card's "Migration timeline" button (studies with a migration.yaml)
  caseStudyView: 'case-study-view', // the replay / migration view; data-name = slug, data-tab = replay | migration
  caseStudyQuick: 'case-study-quick', // runs the quick version (rough numbers)
  caseStudyFull: 'case-study-full', // runs the full version
  caseStudyCancel: 'case-study-cancel',
  caseStudyProgress: 'case-study-progress',
  caseStudyError: 'case-study-error',
  verdictTable: 'verdict-table', // the replay's verdict table
  verdictRow: 'verdict-row', // each figure's row; data-verdict = reproduced | not reproduced | not modelled
  plausibilityChecks: 'plausibility-checks',
  checkItem: 'check-item', // each check; data-verdict = plausible | implausible | consistent | inconsistent
  assumptionLedger: 'assumption-ledger',
  migrationTimeline: 'migration-timeline', // the small multiples
  migrationTable: 'migration-table', // the phase table (and the change table below it)
} as const;

export type TestId = (typeof TEST_IDS)[keyof typeof TEST_IDS];
