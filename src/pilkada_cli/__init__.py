"""pilkada: the countdown and checklist tool for the people who secure and run Indonesia's regional elections."""

__version__ = "0.1.0"
