// The logistic function and its log-partner, shared by calibration and scoring.

export const logistic = (z: number): number => 1 / (1 + Math.exp(-z))

/** log(1 + e^z), finite for any z: log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z). */
export const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)))
