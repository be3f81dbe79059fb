import type { ComponentType } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import BusinessIcon from '@mui/icons-material/Business';
import PeopleIcon from '@mui/icons-material/People';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import BadgeIcon from '@mui/icons-material/Badge';
import HandshakeIcon from '@mui/icons-material/Handshake';
import StorefrontIcon from '@mui/icons-material/Storefront';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import SavingsIcon from '@mui/icons-material/Savings';
import CloudQueueIcon from '@mui/icons-material/CloudQueue';
import FolderIcon from '@mui/icons-material/Folder';
import PublicIcon from '@mui/icons-material/Public';
import TipsAndUpdatesIcon from '@mui/icons-material/TipsAndUpdates';
import CampaignIcon from '@mui/icons-material/Campaign';
import SendIcon from '@mui/icons-material/Send';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import RestaurantIcon from '@mui/icons-material/Restaurant';
import LocalMallIcon from '@mui/icons-material/LocalMall';
import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import CategoryIcon from '@mui/icons-material/Category';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import GavelIcon from '@mui/icons-material/Gavel';
import DescriptionIcon from '@mui/icons-material/Description';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import PersonIcon from '@mui/icons-material/Person';
import GroupsIcon from '@mui/icons-material/Groups';
import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import ListAltIcon from '@mui/icons-material/ListAlt';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import StarsIcon from '@mui/icons-material/Stars';
import MonetizationOnIcon from '@mui/icons-material/MonetizationOn';
import AssessmentIcon from '@mui/icons-material/Assessment';
import NotificationsIcon from '@mui/icons-material/Notifications';
import ForumIcon from '@mui/icons-material/Forum';
import LabelIcon from '@mui/icons-material/Label';
import AssignmentIcon from '@mui/icons-material/Assignment';

/** Menu icons by @cop/config menu key; unknown keys get a neutral label icon. */
const ICONS: Record<string, ComponentType> = {
  home: DashboardIcon,
  users: ManageAccountsIcon,
  enterprise: BusinessIcon,
  accounts: PeopleIcon,
  roles: AdminPanelSettingsIcon,
  employees: BadgeIcon,
  partnerships: HandshakeIcon,
  'my-suppliers': StorefrontIcon,
  'supplier-accounts': AccountBalanceWalletIcon,
  'seller-accounts': SavingsIcon,
  resources: CloudQueueIcon,
  'my-resources': FolderIcon,
  'all-resources': PublicIcon,
  opportunities: TipsAndUpdatesIcon,
  'publish-opportunities': SendIcon,
  'receive-opportunities': MoveToInboxIcon,
  announcements: CampaignIcon,
  'publish-announcements': SendIcon,
  'receive-announcements': MoveToInboxIcon,
  products: Inventory2Icon,
  'ticket-products': ConfirmationNumberIcon,
  'catering-products': RestaurantIcon,
  'retail-products': LocalMallIcon,
  'coupon-products': LocalOfferIcon,
  'combo-products': CategoryIcon,
  stock: CalendarMonthIcon,
  agreements: GavelIcon,
  'supplier-agreements': DescriptionIcon,
  'seller-agreements': DescriptionIcon,
  strategies: PriceChangeIcon,
  'individual-strategies': PersonIcon,
  'gov-strategies': GroupsIcon,
  ordering: AddShoppingCartIcon,
  'order-individual': PersonIcon,
  'order-gov': GroupsIcon,
  cart: ShoppingCartIcon,
  'my-orders': ReceiptLongIcon,
  'order-management': ListAltIcon,
  'individual-orders': PersonIcon,
  'gov-orders': GroupsIcon,
  'employee-orders': AssignmentIcon,
  incentives: EmojiEventsIcon,
  'collaboration-points': StarsIcon,
  'bonus-points': MonetizationOnIcon,
  reports: AssessmentIcon,
  notifications: NotificationsIcon,
  conversations: ForumIcon,
};

export function MenuIcon({ menuKey }: { menuKey: string }) {
  const Icon = ICONS[menuKey] ?? LabelIcon;
  return <Icon />;
}
