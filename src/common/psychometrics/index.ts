// Psychometrics: pure statistics over scored responses (no Node, no database). See
// docs/ARCHITECTURE.md, "Psychometrics (issue 15)".
export * from './csv.js'
export * from './classical.js'
export * from './reliability.js'
export * from './decision-consistency.js'
export * from './dif.js'
export * from './irt.js'
export * from './irt-scores.js'
export * from './equating.js'
export * from './frequency-table.js'
export * from './irt-pool.js'
export * from './form-comparability.js'
