import pytest

from articles.text.rawcopy import RawCopyError, decode_raw_copy

LIMIT = 1000


def test_plain_utf8_is_decoded_as_is():
    decoded = decode_raw_copy("Straße “quoted”\n".encode(), max_bytes=LIMIT)
    assert decoded.text == "Straße “quoted”\n"
    assert decoded.had_bom is False
    assert decoded.line_ending == "\n"


def test_byte_order_mark_and_crlf_are_accepted():
    decoded = decode_raw_copy(b"\xef\xbb\xbfHeadline\r\nBody\r\n", max_bytes=LIMIT)
    assert decoded.text == "Headline\r\nBody\r\n"
    assert decoded.had_bom is True
    assert decoded.line_ending == "\r\n"


@pytest.mark.parametrize(
    "data", [b"", b"   \n\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"]
)
def test_empty_copy_is_refused(data):
    with pytest.raises(RawCopyError, match="empty"):
        decode_raw_copy(data, max_bytes=LIMIT)


def test_binary_file_is_refused_naming_the_nul_byte():
    with pytest.raises(RawCopyError, match=r"binary file \(a NUL byte at byte 3\)"):
        decode_raw_copy(b"abc\x00def", max_bytes=LIMIT)


def test_non_utf8_text_is_refused_naming_the_byte():
    latin1 = "Caf\xe9 au lait".encode("latin-1")
    with pytest.raises(RawCopyError, match=r"not UTF-8 text: byte 3 \(0xe9\)"):
        decode_raw_copy(latin1, max_bytes=LIMIT)


def test_byte_offset_counts_the_byte_order_mark():
    with pytest.raises(RawCopyError, match=r"byte 4 \(0xff\)"):
        decode_raw_copy(b"\xef\xbb\xbfa\xff", max_bytes=LIMIT)


def test_oversized_copy_is_refused_naming_the_limit():
    with pytest.raises(RawCopyError, match=r"over the limit of 1000 bytes"):
        decode_raw_copy(b"x" * (LIMIT + 1), max_bytes=LIMIT)
    assert decode_raw_copy(b"x" * LIMIT, max_bytes=LIMIT).text == "x" * LIMIT
