"""placeholder"""


def to_trade_register(market: object) -> str:
    raise NotImplementedError
