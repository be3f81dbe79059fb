import ArrowCircleUpIcon from '@mui/icons-material/ArrowCircleUp';
import ArrowCircleDownIcon from '@mui/icons-material/ArrowCircleDown';
import { VerbButton } from '../verbs';
import type { ProductRecord } from './types';

/** 上架 / 下架: posts /products/:id/list or /unlist, whichever applies to the status. */
export const ListingButtons = () => (
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
      when={(record) => record.status === 'listed'}
      done="cop.products.unlisted"
    />
  </>
);
