// Package fakefacts is a fake of the facts engine for tests of what sits on
// it, the Discord bot first. An Engine answers questions and suggests them
// as a *facts.Base does, but from answers and suggestions recorded once, so
// that tests of dispatch and rendering do not change whenever the engine's
// ranking is tuned. Load reads a recording; Answer and Names give tests the
// recorded answers, to derive what they expect from.
package fakefacts
