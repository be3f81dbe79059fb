import ArrowCircleUpIcon from '@mui/icons-material/ArrowCircleUp';
import ArrowCircleDownIcon from '@mui/icons-material/ArrowCircleDown';
import { VerbButton } from '../verbs';
import type { ProductRecord } from './types';
import { useServerProductWarnings } from './warnings';

/** 上架 / 下架: posts /products/:id/list or /unlist, whichever applies (unlisting a part of listed combos says so first). */
export const ListingButtons = () => {
  const serverWarnings = useServerProductWarnings();
  return (
  <>
    <VerbButton<ProductRecord>
      verb="list"
      label="cop.products.list"
      icon={<ArrowCircleUpIcon />}
      testId="product-list"
      when={(record) => record.status !== 'listed'}
      done="cop.products.listed"
    />
    <VerbButton<ProductRecord>
      verb="unlist"
      label="cop.products.unlist"
      icon={<ArrowCircleDownIcon />}
      testId="product-unlist"
      confirmTitle="cop.products.unlist_title"
      confirmContent="cop.products.unlist_content"
      warnings={(record) => serverWarnings(record.id, { unlist: true })}
      when={(record) => record.status === 'listed'}
      done="cop.products.unlisted"
    />
  </>
  );
};
