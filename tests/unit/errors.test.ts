import { describe, expect, it } from 'vitest';
import { describeError, GENERIC_ERROR_MESSAGE, UserError } from '../../src/core/errors';
import { DraftError } from '../../src/core/draft/types';
import { asPackageError, PackageError } from '../../src/core/package/errors';

describe('errors meant for the user', () => {
  it('carry a code and a Chinese message, and keep their own names', () => {
    const error = new DraftError('damaged', '草稿文件已损坏，请改用其他备份。');
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('damaged');
    expect(error.name).toBe('DraftError');
    expect(asPackageError(new Error('x'))).toBeInstanceOf(UserError);
    expect(new PackageError('failed', '打包失败。').name).toBe('PackageError');
  });

  it('show their own message and no details', () => {
    expect(describeError(new DraftError('too-large', '草稿文件太大。'))).toEqual({ message: '草稿文件太大。' });
  });

  it('show anything else as the generic message, its text only as details, even when it is Chinese', () => {
    expect(describeError(new TypeError('Cannot read properties of undefined'))).toEqual({
      message: GENERIC_ERROR_MESSAGE,
      details: 'TypeError: Cannot read properties of undefined',
    });
    expect(describeError(new Error('某个库的中文错误')).message).toBe(GENERIC_ERROR_MESSAGE);
    expect(describeError('boom', '生成失败。')).toEqual({ message: '生成失败。', details: 'boom' });
    expect(describeError({ code: 1 }).details).toBe('{"code":1}');
    expect(describeError(undefined).details).toBe('undefined');
  });
});
