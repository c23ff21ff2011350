// Which modules a candidate may use the on-screen calculator in: the ones with arithmetic to do
// (Math and Measurement; Quality and Business Acumen's statistics and costs), not Spatial Reasoning.
const CALCULATOR_MODULES: ReadonlySet<string> = new Set(['MM', 'QBA'])

export const calculatorAllowed = (module: string): boolean => CALCULATOR_MODULES.has(module)
