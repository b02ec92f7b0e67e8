"""Settings: base holds what every environment shares; dev, test, prod adjust it."""
