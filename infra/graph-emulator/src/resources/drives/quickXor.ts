/**
 * QuickXorHash, the hash SharePoint and OneDrive for work or school give in `file.hashes.quickXorHash`
 * (learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash): a 160-bit state; byte k of the input is
 * XORed in at bit (k * 11) mod 160, wrapping around; the input's length (64-bit little-endian) is XORed into the
 * last 8 bytes; the 20 bytes are written in base64.
 */
export class QuickXorHash {
  private readonly state = new Uint8Array(20);
  private length = 0;

  update(bytes: Uint8Array): this {
    const state = this.state;
    let bit = (this.length * 11) % 160;
    for (let i = 0; i < bytes.length; i++) {
      const value = bytes[i]!;
      const index = bit >> 3;
      const shift = bit & 7;
      state[index]! ^= (value << shift) & 0xff;
      if (shift !== 0) state[(index + 1) % 20]! ^= value >> (8 - shift);
      bit += 11;
      if (bit >= 160) bit -= 160;
    }
    this.length += bytes.length;
    return this;
  }

  digest(): string {
    const out = Buffer.from(this.state);
    let length = BigInt(this.length);
    for (let i = 0; i < 8; i++) {
      out[12 + i]! ^= Number(length & 0xffn);
      length >>= 8n;
    }
    return out.toString('base64');
  }
}

export function quickXorHash(bytes: Uint8Array): string {
  return new QuickXorHash().update(bytes).digest();
}
