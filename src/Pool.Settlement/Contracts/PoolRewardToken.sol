// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @title Mining pool reward token
/// @notice One base unit (8 decimals) is one base unit of the mined coin. Each settlement mints the
/// rewards of one chunk of one coin block and records, on-chain and in an event, which coin block and
/// which share window it pays, so anyone can check that nothing was minted twice.
contract PoolRewardToken is ERC20, AccessControl, Pausable {
    /// @notice Role of the key the settlement job signs with; it can only mint through settle().
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    /// @notice Domain tag of settlement ids, so ids of other schemes can never collide with them.
    bytes public constant SETTLEMENT_ID_DOMAIN = "pool-reward-settlement-v1";

    mapping(bytes32 settlementId => bool) private _settled;

    /// @notice One settlement (one chunk of one coin block's rewards) was minted.
    event Settled(
        bytes32 indexed settlementId,
        bytes32 indexed coinBlockHash,
        uint64 coinHeight,
        bytes32 sharesRoot,
        uint256 total,
        uint256 recipientCount
    );

    error SettlementAlreadyUsed(bytes32 settlementId);
    error RecipientsAndAmountsDiffer(uint256 recipients, uint256 amounts);
    error EmptySettlement();
    error TotalMismatch(uint256 declaredTotal, uint256 sumOfAmounts);
    error SettlerMustNotBeAdmin();

    /// @param admin Holds the admin role (grants and revokes roles, pauses); keep it off the server that settles.
    /// @param settler The settlement job's key.
    constructor(string memory name_, string memory symbol_, address admin, address settler) ERC20(name_, symbol_) {
        if (admin == settler) revert SettlerMustNotBeAdmin();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(SETTLER_ROLE, settler);
    }

    /// @notice 8 decimals, as the mined coin's base unit (satoshi).
    function decimals() public pure override returns (uint8) {
        return 8;
    }

    /// @notice The id of chunk `chunkIndex` of `chunkCount` paying coin block `coinBlockHash` of pool `poolId`.
    /// A retry of the same plan reproduces the same ids, so settle() refuses a second mint.
    function settlementIdOf(string calldata poolId, bytes32 coinBlockHash, uint32 chunkIndex, uint32 chunkCount)
        public
        pure
        returns (bytes32)
    {
        return keccak256(
            abi.encodePacked(SETTLEMENT_ID_DOMAIN, keccak256(bytes(poolId)), coinBlockHash, chunkIndex, chunkCount)
        );
    }

    /// @notice True once a settlement with this id was minted.
    function isSettled(bytes32 settlementId) external view returns (bool) {
        return _settled[settlementId];
    }

    /// @notice Mints `amounts[i]` to `recipients[i]` in one transaction, once per `settlementId`.
    /// Each mint emits the standard Transfer event so wallets and indexers see the balance.
    function settle(
        bytes32 settlementId,
        bytes32 coinBlockHash,
        uint64 coinHeight,
        bytes32 sharesRoot,
        uint256 total,
        address[] calldata recipients,
        uint256[] calldata amounts
    ) external onlyRole(SETTLER_ROLE) whenNotPaused {
        if (_settled[settlementId]) revert SettlementAlreadyUsed(settlementId);
        uint256 count = recipients.length;
        if (count != amounts.length) revert RecipientsAndAmountsDiffer(count, amounts.length);
        if (count == 0) revert EmptySettlement();
        _settled[settlementId] = true;

        uint256 sum;
        for (uint256 i; i < count;) {
            uint256 amount = amounts[i];
            sum += amount;
            _mint(recipients[i], amount);
            unchecked {
                ++i;
            }
        }
        if (sum != total) revert TotalMismatch(total, sum);

        emit Settled(settlementId, coinBlockHash, coinHeight, sharesRoot, total, count);
    }

    /// @notice Stops settlement (minting) until unpaused; transfers between holders stay open.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Resumes settlement.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }
}
